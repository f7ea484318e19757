# asyncio.locks: Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier (CPython 3.11
# semantics), plus the small FIFO (_Deque) and the loop-binding helper that asyncio.queues
# also uses. Waiters are futures from the running loop; a waiter is resolved, never
# "handed" a resource, so a cancelled waiter can always pass its wake-up on to the next one.

from _asyncio import (CancelledError, _get_running_loop, Event as _CEvent, Lock as _CLock,
                      Semaphore as _CSemaphore)


class BrokenBarrierError(RuntimeError):
    """Barrier is broken by barrier.abort() call."""


class _Deque:
    # A FIFO with O(1) append/popleft and a cheap remove() near the front, which is where
    # waiters are almost always removed (the first waiter wakes and removes itself).
    # Items live in self._items[self._head:].

    def __init__(self):
        self._items = []
        self._head = 0

    def __len__(self):
        return len(self._items) - self._head

    def __iter__(self):
        return iter(self._items[self._head:])

    def append(self, item):
        self._items.append(item)

    def first(self):
        return self._items[self._head]

    def last(self):
        return self._items[-1]

    def popleft(self):
        items = self._items
        head = self._head
        if head >= len(items):
            raise IndexError("pop from an empty deque")
        item = items[head]
        items[head] = None
        self._head = head + 1
        self._compact()
        return item

    def pop(self):
        if self._head >= len(self._items):
            raise IndexError("pop from an empty deque")
        item = self._items.pop()
        self._compact()
        return item

    def remove(self, item):
        items = self._items
        i = self._head
        n = len(items)
        while i < n:
            if items[i] is item or items[i] == item:
                if i == self._head:
                    items[i] = None
                    self._head = i + 1
                    self._compact()
                else:
                    del items[i]
                return
            i += 1
        raise ValueError("deque.remove(x): x not in deque")

    def clear(self):
        self._items = []
        self._head = 0

    def _compact(self):
        # Drop the consumed prefix once it is at least half the storage, so popleft stays
        # amortised O(1) and memory stays proportional to the live items.
        head = self._head
        if head == len(self._items):
            self._items = []
            self._head = 0
        elif head >= 32 and head * 2 >= len(self._items):
            self._items = self._items[head:]
            self._head = 0


class _LoopBoundMixin:
    # A primitive binds to the loop that first waits on it, as CPython's mixins does.
    _loop = None

    def _get_loop(self):
        loop = _get_running_loop()
        if self._loop is None:
            self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(f'{self!r} is bound to a different event loop')
        return loop


class _ContextManagerMixin:
    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


def _format_repr(obj, extra):
    return f'<{type(obj).__module__}.{type(obj).__qualname__} object at {id(obj):#x} [{extra}]>'


class Lock(_CLock):
    """Primitive lock objects (FIFO-fair among waiters).

    The state, the waiters, acquire()/release() and `async with` live in C (_asyncio.Lock):
    a waiting task costs one small awaitable instead of a coroutine frame and a Future."""

    def __repr__(self):
        extra = 'locked' if self._locked else 'unlocked'
        waiters = self._nwaiters()
        if waiters:
            extra = f'{extra}, waiters:{waiters}'
        return _format_repr(self, extra)


class Event(_CEvent):
    """A flag that tasks can wait for; set() wakes every waiter.

    The flag, the waiters, set() and wait() live in C (_asyncio.Event): a waiting task costs
    one small awaitable instead of a coroutine frame and a Future."""

    def __repr__(self):
        extra = 'set' if self._value else 'unset'
        waiters = self._nwaiters()
        if waiters:
            extra = f'{extra}, waiters:{waiters}'
        return _format_repr(self, extra)


class Condition(_ContextManagerMixin, _LoopBoundMixin):
    """Condition variable over a Lock (a new one unless given)."""

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = _Deque()

    def __repr__(self):
        extra = 'locked' if self.locked() else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return _format_repr(self, extra)

    async def wait(self):
        """Release the lock, wait for a notify, then re-acquire the lock."""
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            fut = self._get_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        finally:
            # The lock must be held again on the way out, even when cancelled.
            cancelled = False
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    cancelled = True
            if cancelled:
                raise CancelledError
        return True

    async def wait_for(self, predicate):
        """Wait until predicate() is true; return its last value."""
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake at most n waiters."""
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        """Wake every waiter."""
        self.notify(len(self._waiters))


class Semaphore(_CSemaphore):
    """A counter that acquire() decrements, waiting in FIFO order while it is zero.

    The counter, the waiters, acquire()/release() and `async with` live in C
    (_asyncio.Semaphore): a waiting task costs one small awaitable."""

    def __repr__(self):
        extra = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        waiters = self._nwaiters()
        if waiters:
            extra = f'{extra}, waiters:{waiters}'
        return _format_repr(self, extra)


class BoundedSemaphore(Semaphore):
    """A Semaphore whose release() refuses to go above the initial value."""

    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        super().release()


_FILLING = 'filling'
_DRAINING = 'draining'
_RESETTING = 'resetting'
_BROKEN = 'broken'


class Barrier(_LoopBoundMixin):
    """Wait until `parties` tasks have called wait(), then release them all."""

    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._cond = Condition()
        self._parties = parties
        self._state = _FILLING
        self._count = 0

    def __repr__(self):
        extra = self._state
        if not self.broken:
            extra += f', waiters:{self.n_waiting}/{self.parties}'
        return _format_repr(self, extra)

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        """Wait for the barrier; return this task's index in 0..parties-1."""
        async with self._cond:
            await self._block()
            try:
                index = self._count
                self._count += 1
                if index + 1 == self._parties:
                    self._state = _DRAINING
                    self._cond.notify_all()
                else:
                    await self._wait()
                return index
            finally:
                self._count -= 1
                self._exit()

    async def _block(self):
        await self._cond.wait_for(
            lambda: self._state != _DRAINING and self._state != _RESETTING)
        if self._state == _BROKEN:
            raise BrokenBarrierError("Barrier aborted")

    async def _wait(self):
        await self._cond.wait_for(lambda: self._state != _FILLING)
        if self._state == _BROKEN or self._state == _RESETTING:
            raise BrokenBarrierError("Abort or reset of barrier")

    def _exit(self):
        if self._count == 0:
            if self._state == _RESETTING or self._state == _DRAINING:
                self._state = _FILLING
            self._cond.notify_all()

    async def reset(self):
        """Reset the barrier; current waiters get BrokenBarrierError."""
        async with self._cond:
            if self._count > 0:
                if self._state != _RESETTING:
                    self._state = _RESETTING
            else:
                self._state = _FILLING
            self._cond.notify_all()

    async def abort(self):
        """Break the barrier: waiters, present and future, get BrokenBarrierError."""
        async with self._cond:
            self._state = _BROKEN
            self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == _FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == _BROKEN
