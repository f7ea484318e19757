import datetime as d
from datetime import date, datetime, timedelta, time
print(repr(time(0)), repr(datetime(2024,1,1)), timedelta.max, repr(timedelta.min), datetime.max, date.min, repr(timedelta(0)), repr(timedelta(microseconds=-1)))
tests = [lambda: date(0,1,1), lambda: datetime(2020,1,1,24), lambda: timedelta(days=10**9), lambda: date(2020.0,1,1), lambda: date.fromisoformat('2020-1-1'), lambda: date.max + timedelta(1), lambda: datetime(2020,1,1) < date(2020,1,1), lambda: timedelta(1)*1.5, lambda: timedelta(1)/0, lambda: datetime(2020,1,1,microsecond=10**6),
 lambda: timedelta(1)/timedelta(0), lambda: timedelta(1)//timedelta(0), lambda: timedelta(1)//0, lambda: timedelta(1)%timedelta(0), lambda: timedelta('x'), lambda: timedelta(1)/1.5, lambda: timedelta(seconds=1.5e-6), lambda: timedelta(seconds=2.5e-6),lambda: timedelta(seconds=-0.5e-6), lambda: divmod(timedelta(7), timedelta(hours=5)), lambda: timedelta(hours=25)%timedelta(days=1), lambda: tuple(date(2020,1,1).isocalendar()), lambda: date(2020,1,1).ctime(),lambda: date(2020,1,1).timetuple(), lambda: date(2020,1,1) == datetime(2020,1,1), lambda: bool(timedelta(0)), lambda: timedelta(1)/2, lambda: timedelta(seconds=1)/3, lambda: timedelta(1) * 2.5, lambda: 3 * timedelta(hours=1),
 lambda: timedelta(hours=1.1), lambda: timedelta(weeks=2, days=-3, minutes=0.5, milliseconds=1.5), lambda: timedelta(seconds=10)/timedelta(seconds=3), lambda: timedelta(seconds=10)//timedelta(seconds=3),
 lambda: datetime(2024,5,17,8,30).isoformat(timespec='minutes'), lambda: datetime(2024,5,17,8,30,1,123456).isoformat(' ', 'milliseconds'), lambda: datetime(2024,5,17,8,30).isoformat(timespec='x'),
 lambda: datetime.fromisoformat('2024-05-17T08:30:15.5'), lambda: datetime.fromisoformat('2024-05-17'), lambda: datetime.fromisoformat('20240517 0830'), lambda: date.fromisoformat('2023-02-30'),
 lambda: datetime.strptime('2024-03-09 14:05', '%Y-%m-%d %H:%M'), lambda: datetime.strptime('09 Mar 2024 2:05PM', '%d %b %Y %I:%M%p'), lambda: datetime.strptime('x', '%Y'), lambda: datetime.strptime('2024-01-011', '%Y-%m-%d'),
 lambda: datetime.combine(date(2020,5,6), time(7,8,9)), lambda: datetime(2020,5,6,7,8,9,10).time(), lambda: repr(time(1,2,3,4)), lambda: str(time(1,2,3,4)), lambda: time(5) < time(6), lambda: time.fromisoformat('10:11:12'),
 lambda: datetime.utcfromtimestamp(0), lambda: date.fromordinal(738000), lambda: datetime.fromordinal(738000),
 lambda: f"{datetime(2024,1,2,3,4,5):%Y/%m/%d %H-%M-%S.%f}", lambda: f"{date(2024,1,2)}", lambda: format(time(4,5), '%H|%M'), lambda: datetime(2024,1,2).strftime('%%|%f|%z|%Z|%j|%U|%w|%y|%e|%c|%x|%X'),
 lambda: {date(2020,1,1): 1}[date(2020,1,1)], lambda: sorted([datetime(2020,1,3), datetime(2020,1,1)]), lambda: max(timedelta(1), timedelta(2)), lambda: datetime(2024,1,31,12) - datetime(2023,1,1), lambda: date(2024,3,1) - timedelta(days=1),
 lambda: timedelta(days=1) + date(2020,2,28), lambda: timedelta(minutes=5) + datetime(2020,2,28,23,58), lambda: datetime(2020,1,1) - date(2020,1,1), lambda: datetime(2020,1,1).date(), lambda: datetime(2020,1,1).replace(hour=5, microsecond=3), lambda: datetime(2020,1,1).replace(month=13),
 lambda: datetime(2020,1,1).weekday(), lambda: datetime(2020,1,1).ctime(), lambda: timedelta(seconds=3661).total_seconds(), lambda: timedelta(days=-1, seconds=5).total_seconds(), lambda: -timedelta(days=1, microseconds=3), lambda: timedelta(1) == 1, lambda: timedelta(1) < 1,
 lambda: date(2021,1,3).isocalendar()[1], lambda: date(2020,12,31).isocalendar()[1], lambda: d.MAXYEAR, lambda: datetime(2020, 1, 1, fold=1), lambda: date(year=2020, month=5, day=1), lambda: timedelta(1, 2, 3, 4, 5, 6, 7),
 lambda: datetime.min + timedelta(days=-1), lambda: timedelta(days=1)*10**9, lambda: (timedelta(1) * 0.1).microseconds, lambda: abs(timedelta(-1)), lambda: timedelta.resolution, lambda: date.resolution, ]
for i, f in enumerate(tests):
    try: print(i, repr(f()))
    except Exception as e: print(i, type(e).__name__, e)
class D(date): pass
print(repr(D(2020,1,1)), type(D(2020,1,1)+timedelta(1)).__name__)
class DT(datetime):
    def hello(self): return "hi " + str(self.year)
x = DT(2021, 2, 3, 4)
print(x.hello(), x, repr(x), type(x + timedelta(1)).__name__)
print(date(2020,1,1).isocalendar()[0], len({date(2020,1,1), date(2020,1,1), datetime(2020,1,1)}))
