async def custom_coro():
    print('hi there')

coro = custom_coro()
try:
    coro()
except TypeError as e:
    print(e)
coro.close()
