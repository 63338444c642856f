# sys: argv length, maxsize, modules of the host are not printed.
import sys
print(len(sys.argv), type(sys.argv).__name__, type(sys.argv[0]).__name__)
print(sys.maxsize, sys.maxsize == 9223372036854775807, -sys.maxsize - 1, sys.maxsize == (2 ** 62 - 1) * 2 + 1)
print(type(sys.getrecursionlimit()).__name__)
print(sys.maxsize + -sys.maxsize)
import sys as system
print(system is sys, system.maxsize > 2 ** 31)
from sys import maxsize
print(maxsize == sys.maxsize)
