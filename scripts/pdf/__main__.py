"""`python -m scripts.pdf`: render the PDFs into an already built site (see render.py)."""
import sys

from scripts.pdf.render import main

sys.exit(main())
