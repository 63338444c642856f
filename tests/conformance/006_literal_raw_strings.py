# Raw strings keep backslashes.
print(r'C:\new\table')
print(R"\d+\s*")
print(len(r'\n'), len('\n'))
print(repr(r'a\tb'))
print(r'\'' , len(r'\''))
print(r"""raw
triple\n""")
print(r'\x41' == '\\x41')
print(rf'{1 + 1}\n' if True else '')
