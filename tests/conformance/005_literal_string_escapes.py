# Escape sequences inside normal string literals.
print('tab:\t|')
print('newline:\nnext')
print('backslash: \\ quote: \' dquote: \"')
print('hex: \x41\x62\x7a')
print('octal: \101\102\60')
print('unicode: \u00e9 \u20ac \U0001F600')
print(len('\t'), len('\\'), len('\x41'), len('\u20ac'), len('\U0001F600'))
print(repr('\t\n\r\\'))
print(repr('\x00\x07\x1b\x7f'))
print(ord('\a'), ord('\b'), ord('\f'), ord('\v'), ord('\0'))
print('line\
continued')
print(repr('\u00e9'), repr('caf\xe9'))
