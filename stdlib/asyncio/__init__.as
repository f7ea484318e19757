# asyncio: the package users import. It re-exports the native core (_asyncio: loop, Future,
# Task, sleep, run, ...) and the parts written in Aspen (asyncio.locks, .queues, .tasks,
# .taskgroups, .timeouts), under CPython 3.11's public names.

from _asyncio import *
from _asyncio import (Future, Task, CancelledError, InvalidStateError,
                      get_event_loop, new_event_loop, set_event_loop,
                      get_running_loop, _get_running_loop, sleep, run,
                      current_task, all_tasks, iscoroutine, iscoroutinefunction,
                      ensure_future)

from asyncio.locks import (Lock, Event, Condition, Semaphore, BoundedSemaphore,
                           Barrier, BrokenBarrierError)
from asyncio.queues import Queue, PriorityQueue, LifoQueue, QueueFull, QueueEmpty
from asyncio.tasks import (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED,
                           create_task, isfuture, wait, wait_for, as_completed,
                           gather, shield)
from asyncio.taskgroups import TaskGroup
from asyncio.timeouts import Timeout, timeout, timeout_at

# asyncio.TimeoutError is the builtin since 3.11.
TimeoutError = TimeoutError


# The remaining exception types of asyncio.exceptions (the stream ones), unless the core
# already defines them.
try:
    from _asyncio import IncompleteReadError
except ImportError:
    class IncompleteReadError(EOFError):
        """Incomplete read error: `partial` bytes read, `expected` wanted (or None)."""

        def __init__(self, partial, expected):
            r_expected = 'undefined' if expected is None else repr(expected)
            super().__init__(f'{len(partial)} bytes read on a total of '
                             f'{r_expected} expected bytes')
            self.partial = partial
            self.expected = expected

try:
    from _asyncio import LimitOverrunError
except ImportError:
    class LimitOverrunError(Exception):
        """Reached the buffer limit while looking for a separator."""

        def __init__(self, message, consumed):
            super().__init__(message)
            self.consumed = consumed

try:
    from _asyncio import SendfileNotAvailableError
except ImportError:
    class SendfileNotAvailableError(RuntimeError):
        """Sendfile syscall is not available."""


__all__ = [name for name in globals() if not name.startswith('_')]
