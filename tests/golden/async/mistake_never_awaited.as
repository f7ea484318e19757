async def custom_coro():
    print('hi there')

custom_coro()
print("the body never ran")
