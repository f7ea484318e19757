d = {"key": "value", 'k2': 2}
print(f"{d['key']}")
print(f'{d["k2"]}')
print(f"""{d["key"]} and {d['k2']}""")
print(f'''{"a" + 'b'}''')
print(f"{'x' if d else 'y'}")
print(f"{ {'a': 1}['a'] }")
