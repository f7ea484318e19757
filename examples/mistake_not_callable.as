# Teaching text, "Typical mistakes": a coroutine object is not a function.
# The program stops with "TypeError: 'coroutine' object is not callable".
async def custom_coro():
    print('hi there')

coro = custom_coro()
coro()  # TypeError: 'coroutine' object is not callable
