"""`python -m scripts.kiosk`: build the kiosk and run Chromium on it (see launcher.py)."""
import sys

from scripts.kiosk.launcher import main

sys.exit(main())
