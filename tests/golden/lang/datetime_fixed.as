import datetime
d = datetime.datetime(2024, 2, 29, 13, 45, 30)
print(d)
print(repr(d))
print(d.year, d.month, d.day, d.hour, d.minute, d.second, d.microsecond)
print(d.isoformat(), d.date(), d.weekday(), d.isoweekday())
print(d.strftime("%Y/%m/%d %H:%M:%S"), d.strftime("%a %d %b %Y"), d.strftime("%I%p %j"))
print(str(datetime.datetime(2020, 1, 1, 0, 0, 0, 500)), datetime.datetime(1999, 12, 31).isoformat())
print(d.replace(year=2025, day=28))
