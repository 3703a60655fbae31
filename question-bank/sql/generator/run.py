import sys
sys.dont_write_bytecode = True
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fw import main
import datasets
import drills_a
for m in ['drills_b', 'drills_c', 'drills_d', 'drills_e', 'drills_f', 'drills_g', 'drills_h', 'drills_i', 'drills_j']:
    try:
        __import__(m)
    except ModuleNotFoundError:
        pass
main(sys.argv[1:] or None)
