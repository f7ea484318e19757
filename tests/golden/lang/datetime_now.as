import datetime
now = datetime.datetime.now()
print(type(now).__name__, isinstance(now, datetime.datetime), now.year >= 2024)
later = datetime.datetime.now()
print(type(later - now).__name__, later >= now, (later - now).total_seconds() < 5)
today = datetime.date.today()
print(type(today).__name__, today.year == now.year or today.year == now.year + 1)
print(len(now.isoformat()) >= 19, now.strftime("%Y") == str(now.year))
