"""``python -m casus``: the same command line as the installed ``casus`` script."""

from casus.cli import main

if __name__ == "__main__":
    main()
