# an uncaught sys.exit("text") prints the text to stderr, no traceback, exit code 1
import sys

print("checking config")
sys.exit("fatal: missing config file")
