from datetime import date, timedelta
d = date(2023, 12, 25)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoformat())
print(d + timedelta(days=7), d - timedelta(days=365), date(2024, 3, 1) - date(2024, 2, 1))
print(d.strftime("%d %B %Y"), d < date(2024, 1, 1), d == date(2023, 12, 25))
print(date(2024, 2, 28) + timedelta(days=1), date(2023, 2, 28) + timedelta(days=1))
try:
    date(2023, 2, 29)
except ValueError as e:
    print(e)
try:
    date(2023, 13, 1)
except ValueError as e:
    print(e)
