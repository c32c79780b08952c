import sys

from opendata.cli import main

sys.exit(main())
