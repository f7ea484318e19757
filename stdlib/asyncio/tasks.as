# asyncio.tasks: the combinators written in Aspen on top of the native core (_asyncio):
# create_task (unless the core has one), shield, wait, wait_for, as_completed (gather is C),
# and the FIRST_COMPLETED / FIRST_EXCEPTION / ALL_COMPLETED constants. The semantics,
# including every cancellation corner, are CPython 3.11's.

from _asyncio import (Future, CancelledError, ensure_future, get_running_loop,
                      get_event_loop, _get_running_loop, iscoroutine)

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


def _isfuture(obj):
    # Duck-typed like CPython's asyncio.isfuture().
    return (hasattr(obj.__class__, '_asyncio_future_blocking') and
            obj._asyncio_future_blocking is not None)


try:
    from _asyncio import isfuture
except ImportError:
    isfuture = _isfuture


def _set_task_name(task, name):
    if name is not None:
        task.set_name(name)


try:
    from _asyncio import create_task
except ImportError:
    def create_task(coro, *, name=None, context=None):
        """Schedule the coroutine as a Task on the running loop and return the Task."""
        loop = get_running_loop()
        task = loop.create_task(coro)
        _set_task_name(task, name)
        return task


def _get_event_loop():
    loop = _get_running_loop()
    if loop is None:
        loop = get_event_loop()
    return loop


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


def _cancelled_error_of(fut):
    # The CancelledError a cancelled future raises (carrying its cancel message).
    try:
        fut.result()
    except CancelledError as exc:
        return exc
    return CancelledError()


def _cancel_message_of(fut):
    exc = _cancelled_error_of(fut)
    if exc.args:
        return exc.args[0]
    return None


# ---------------------------------------------------------------- wait

async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures/tasks in fs; return the sets (done, pending)."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if (return_when != FIRST_COMPLETED and return_when != FIRST_EXCEPTION and
            return_when != ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    fs = set(fs)
    for f in fs:
        if iscoroutine(f):
            raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    loop = get_running_loop()
    return await _wait(fs, timeout, return_when, loop)


async def _wait(fs, timeout, return_when, loop):
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or return_when == FIRST_COMPLETED or
                (return_when == FIRST_EXCEPTION and not f.cancelled() and
                 f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)

    done = set()
    pending = set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


# ---------------------------------------------------------------- wait_for

async def _cancel_and_wait(fut, loop):
    # Cancel fut and wait for it to finish, without awaiting it directly, so that this
    # wait itself stays cancellable.
    waiter = loop.create_future()

    def cb(f):
        _release_waiter(waiter)

    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    """Wait for fut with a timeout; on timeout cancel it and raise TimeoutError."""
    loop = get_running_loop()

    if timeout is None:
        return await fut

    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc

    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)

    def cb(f):
        _release_waiter(waiter)

    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)

    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(cb)
            # wait_for() must not return while the inner task still runs.
            await _cancel_and_wait(fut, loop)
            raise

        if fut.done():
            return fut.result()
        fut.remove_done_callback(cb)
        await _cancel_and_wait(fut, loop)
        # The inner task may have swallowed the cancellation or failed instead.
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


# ---------------------------------------------------------------- as_completed

def as_completed(fs, *, timeout=None):
    """Return an iterator of coroutines yielding the results of fs in completion order."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")

    from asyncio.queues import Queue
    done = Queue()

    loop = _get_event_loop()
    todo = set()
    for f in set(fs):
        todo.add(ensure_future(f, loop=loop))
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)  # a dummy that makes _wait_for_one() time out
        todo.clear()

    def _on_completion(f):
        if not todo:
            return  # _on_timeout() came first
        todo.remove(f)
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    # Like CPython's, this is a generator: the checks above run at the first next().
    for _ in range(len(todo)):
        yield _wait_for_one()


# ---------------------------------------------------------------- gather

# gather() and _GatheringFuture are C (_asyncio, gather.c): no interpreted callback per child.
from _asyncio import gather, _GatheringFuture


# ---------------------------------------------------------------- shield

def shield(arg):
    """Wait for arg, but do not cancel it when the waiting task is cancelled."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = inner.get_loop()
    outer = loop.create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()  # mark the exception retrieved
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer
