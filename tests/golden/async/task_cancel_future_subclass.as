# Task.cancel() cancels the awaited future through its type's own cancel() (a subclass may override it).
import asyncio
class F(asyncio.Future):
    def cancel(self, msg=None):
        print("F.cancel called", msg, flush=True)
        return super().cancel(msg=msg)
async def w(f):
    try:
        await f
    except asyncio.CancelledError:
        print("task cancelled")
        raise
async def main():
    f = F()
    t = asyncio.create_task(w(f))
    await asyncio.sleep(0)
    t.cancel("bye")
    try:
        await t
    except asyncio.CancelledError as e:
        print("main saw", e.args)
    print(f.cancelled())
asyncio.run(main())
