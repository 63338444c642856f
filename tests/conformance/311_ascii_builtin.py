# ascii(): repr with every non-ASCII character escaped.
print(ascii("Gaëlle Élodie"), ascii("snow ☃ and 𝄞"), ascii([1, "é", {"k": "ü"}]), ascii(3), ascii("plain"))
print(ascii("tab\t'quote'"))
