"""The place of an event: two-pass resolution, relative locations and precision codes, on the
real gazetteer and the real English pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from casus.resolve.gazetteer import Gazetteer, km
from casus.resolve.geocode import Geocoder, displace, geo_precision_of, locate, where_prec_of


@pytest.fixture(scope="module")
def coder() -> Geocoder:
    return Geocoder(Gazetteer.default())


def resolve(coder: Geocoder, name: str, names: list[str], countries: tuple[str, ...] = ()):
    return coder.resolve(name, coder.survey(names, countries))


# --- two passes -------------------------------------------------------------------------------


def test_lere_is_malian_near_timbuktu_and_bourem(coder: Geocoder) -> None:
    c = resolve(coder, "Léré", ["Timbuktu", "Bourem", "Léré", "Ber"])
    assert (c.place.iso3, c.place.adm_1) == ("MLI", "Tombouctou")


def test_lere_without_context_is_not_resolved_by_closeness(coder: Geocoder) -> None:
    assert resolve(coder, "Léré", ["Léré"]).place.iso3 != "MLI"  # no anchors: population wins


def test_dioura_near_kayes_places_is_the_kayes_one(coder: Geocoder) -> None:
    c = resolve(coder, "Dioura", ["Dioura", "Nioro", "Kayes"], ("MLI",))
    assert c.place.adm_1 == "Kayes"
    c = resolve(coder, "Dioura", ["Dioura", "Ber", "Bourem"], ("MLI",))
    assert c.place.adm_1 == "Mopti"


def test_an_ambiguous_name_is_no_anchor(coder: Geocoder) -> None:
    geo = coder.survey(["Dioura", "Wagner", "The", "Since"], ("MLI",))
    keys = {k for k, _, _ in geo.anchors}
    assert "dioura" not in keys and "the" not in keys and "since" not in keys


def test_english_region_names_become_admin1_hints(coder: Geocoder) -> None:
    geo = coder.survey(["Léré", "Timbuktu"])
    assert "Tombouctou" in geo.admin_hints


def test_bourem_the_cercle_seat_beats_a_nearer_hamlet(coder: Geocoder) -> None:
    c = resolve(coder, "Bourem", ["Dioura", "Ber", "Bourem", "Léré"], ("MLI",))
    assert c.place.adm_1 == "Gao"


def test_never_fuzzy(coder: Geocoder) -> None:
    assert resolve(coder, "Diouraa", ["Diouraa", "Ténenkou", "Mopti"], ("MLI",)) is None
    c = resolve(coder, "Diourou", ["Diourou", "Ténenkou"], ("MLI",))
    assert c is None or c.place.name != "Dioura"


# --- relative locations and codes -------------------------------------------------------------


def _one(name: str, country: str = "MLI"):
    return Gazetteer.default().resolve(name, countries=[country])


def test_near_within_25_km_keeps_the_named_point() -> None:
    tessalit = _one("Tessalit")
    loc = locate("near", [tessalit], distance_km=12, bearing="northwest")
    assert loc.place.latitude == tessalit.place.latitude and (loc.where_prec, loc.geo_precision) == (2, 2)
    assert loc.description == "12 km northwest of Tessalit"


def test_far_with_a_bearing_displaces_the_point() -> None:
    gossi = _one("Gossi")
    loc = locate("near", [gossi], distance_km=40, bearing="north")
    assert km(loc.place.latitude, loc.place.longitude, gossi.place.latitude, gossi.place.longitude) == pytest.approx(40, abs=0.5)
    assert loc.place.latitude > gossi.place.latitude and loc.where_prec == 2 and loc.place.geonameid is None
    assert locate("near", [gossi], distance_km=80, bearing="east").where_prec == 5


def test_between_close_places_is_their_midpoint_near() -> None:
    loc = locate("between", [_one("Djibo", "BFA"), _one("Tongomayel", "BFA")])
    assert (loc.where_prec, loc.geo_precision, loc.place.adm_1) == (2, 2, "Sahel")
    assert loc.place.latitude == pytest.approx((14.0994 + 14.06637) / 2, abs=1e-4)


def test_between_far_places_across_regions_is_vague() -> None:
    loc = locate("between", [_one("Nampala"), _one("Dioura")])
    assert (loc.where_prec, loc.geo_precision) == (5, 3)


def test_precision_codes_of_admin_areas_and_countries() -> None:
    gaz = Gazetteer.default()
    assert where_prec_of(gaz.resolve("Ménaka region").place, "region") == 4
    assert where_prec_of(gaz.resolve("cercle de Ténenkou").place, "region") == 3
    assert where_prec_of(gaz.country("Mali").place) == 6
    assert [geo_precision_of(w) for w in range(1, 7)] == [1, 2, 2, 3, 3, 3]


def test_displace_north_by_111_km_is_one_degree() -> None:
    lat, lon = displace(10.0, 0.0, 111.195, 0)
    assert lat == pytest.approx(11.0, abs=1e-3) and lon == pytest.approx(0.0, abs=1e-9)


# --- end to end ---------------------------------------------------------------------------------


def _places(events):
    return [(e.location, e.adm_1, e.where_prec, e.geo_precision) for e in events]


def test_dateline_and_statement_origin_are_no_event_places(events_of) -> None:
    events = events_of(
        "BAMAKO, July 3 (Wire) — The Malian army said in Bamako on Wednesday it had repelled an "
        "attack on its base in Léré, in the Timbuktu region, killing around forty assailants.",
        published=date(2024, 7, 3),
    )
    assert _places(events) == [("Léré", "Tombouctou", 1, 1)]


def test_seed_places_end_to_end(events_of) -> None:
    events = events_of(
        "On September 28, 2023, rebels attacked Malian bases in Dioura, Mali. Malian and Wagner "
        "forces attacked the town of Ber in August 2023. The rebels attacked Malian forces in Bourem "
        "and Léré.",
        published=date(2023, 10, 1),
    )
    by_name = {e.location: e.adm_1 for e in events}
    assert by_name.get("Dioura") == "Mopti" and by_name.get("Bourem") == "Gao"
    assert by_name.get("Léré") == "Tombouctou" and by_name.get("Ber") == "Tombouctou"


def test_region_and_relative_locations_end_to_end(events_of) -> None:
    region = events_of("Gunmen killed 20 civilians in several villages in the Ménaka region on Sunday.",
                       published=date(2023, 3, 14))
    assert _places(region) == [("Ménaka Region", "Ménaka", 4, 3)]
    near = events_of("A roadside bomb killed three soldiers about 12 km northwest of Tessalit on Sunday.",
                     published=date(2024, 1, 9))
    assert _places(near) == [("Tessalit", "Kidal", 2, 2)]
    between = events_of("Gunmen killed 17 people between Djibo and Tongomayel on Sunday.",
                        published=date(2023, 10, 10))
    assert _places(between) == [("between Djibo and Tongomayel", "Sahel", 2, 2)]
