# asyncio.queues: Queue (FIFO), LifoQueue, PriorityQueue, QueueFull, QueueEmpty, with
# CPython 3.11's semantics: getters and putters wait in FIFO order, and a waiter that is
# woken but then cancelled passes its wake-up on, so no item or free slot is lost.

from _asyncio import Queue as _CQueue, _queue_exceptions


class QueueEmpty(Exception):
    """Raised when Queue.get_nowait() is called on an empty Queue."""


class QueueFull(Exception):
    """Raised when the Queue.put_nowait() method is called on a full Queue."""


class Queue(_CQueue):
    """A FIFO queue for producer and consumer tasks; maxsize <= 0 means unbounded.

    The storage, the waiters and put/get/join live in C (_asyncio.Queue). A subclass that
    defines _init/_put/_get keeps its items in self._queue and is driven through them."""

    def __repr__(self):
        return f'<{type(self).__name__} at {id(self):#x} {self._format()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._format()}>'

    def _format(self):
        result = f'maxsize={self.maxsize!r}'
        if self.qsize():
            result += f' _queue={self._items()!r}'
        getters = self._nwaiters(0)
        if getters:
            result += f' _getters[{getters}]'
        putters = self._nwaiters(1)
        if putters:
            result += f' _putters[{putters}]'
        if self._unfinished_tasks:
            result += f' tasks={self._unfinished_tasks}'
        return result


_queue_exceptions(_CQueue, QueueEmpty, QueueFull)


# A binary min-heap on a list, ordered with `<` only, using the same sift algorithms as
# CPython's heapq so that items that compare equal come out in the same order.

def _sift_toward_root(heap, start, pos):
    item = heap[pos]
    while pos > start:
        parent_pos = (pos - 1) >> 1
        parent = heap[parent_pos]
        if item < parent:
            heap[pos] = parent
            pos = parent_pos
            continue
        break
    heap[pos] = item


def _sift_toward_leaves(heap, pos):
    # Move the hole at `pos` down to a leaf along the smaller children, then sift the
    # displaced item back up (fewer comparisons than a classic sift-down).
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_toward_root(heap, start, pos)


def _heap_push(heap, item):
    heap.append(item)
    _sift_toward_root(heap, 0, len(heap) - 1)


def _heap_pop(heap):
    last = heap.pop()
    if heap:
        top = heap[0]
        heap[0] = last
        _sift_toward_leaves(heap, 0)
        return top
    return last


class PriorityQueue(Queue):
    """A Queue that returns the smallest entry first (e.g. (priority, data) tuples)."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        _heap_push(self._queue, item)

    def _get(self):
        return _heap_pop(self._queue)


class LifoQueue(Queue):
    """A Queue that returns the most recently added entry first."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()
