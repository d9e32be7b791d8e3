"""Every country has its export codes: ISO 3166 numeric, ACLED region, Gleditsch-Ward number."""

from __future__ import annotations

import pycountry
import pytest

from casus.export.common import country


@pytest.mark.parametrize("iso3,numeric,region,gw,ucdp", [
    ("SYR", 760, "Middle East", 652, "Middle East"),
    ("ARM", 51, "Caucasus and Central Asia", 371, "Europe"),
    ("LBN", 422, "Middle East", 660, "Middle East"),
    ("AZE", 31, "Caucasus and Central Asia", 373, "Europe"),
    ("MLI", 466, "Western Africa", 432, "Africa"),
    ("AFG", 4, "Caucasus and Central Asia", 700, "Asia"),
])
def test_codes_of_countries_outside_the_sahel(iso3, numeric, region, gw, ucdp):
    c = country(iso3)
    assert (c.iso_numeric, c.acled_region, c.gw_code, c.ucdp_region) == (numeric, region, gw, ucdp)


def test_every_iso_country_has_an_acled_region_and_names_work():
    missing = [c.alpha_3 for c in pycountry.countries if not country(c.alpha_3).acled_region]
    assert missing == []
    assert country("Syria").iso3 == "SYR" and country("Lebanon").gw_code == 660
    assert country("Nowhere-land") is None and country(None) is None
