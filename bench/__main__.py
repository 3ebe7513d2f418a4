"""`python -m bench` (`make bench`): the benchmark against stock Material (see run.py)."""
import sys

from bench.run import main

sys.exit(main())
