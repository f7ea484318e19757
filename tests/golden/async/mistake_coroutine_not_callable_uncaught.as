async def custom_coro():
    print('hi there')

coro = custom_coro()
print("calling")
coro()
