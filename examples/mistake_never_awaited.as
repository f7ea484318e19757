# Teaching text, "Typical mistakes": calling a coroutine function does not run its
# body; it only creates a coroutine object, and CPython warns on stderr
# "RuntimeWarning: coroutine 'custom_coro' was never awaited".
async def custom_coro():
    print('hi there')
custom_coro()
