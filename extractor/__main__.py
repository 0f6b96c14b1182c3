"""`python -m extractor`: the same as the `khabar` command."""

import sys

from extractor.cli import main

sys.exit(main())
