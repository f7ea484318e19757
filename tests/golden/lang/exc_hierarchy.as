pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (ArithmeticError, Exception), (KeyError, LookupError), (IndexError, LookupError),
    (LookupError, Exception), (Exception, BaseException), (KeyboardInterrupt, Exception),
    (KeyboardInterrupt, BaseException), (SystemExit, Exception), (SystemExit, BaseException),
    (StopIteration, Exception), (GeneratorExit, Exception), (RecursionError, RuntimeError),
    (NotImplementedError, RuntimeError), (UnboundLocalError, NameError), (ModuleNotFoundError, ImportError),
    (FileNotFoundError, OSError), (TypeError, ValueError), (UnicodeDecodeError, ValueError),
    (AssertionError, Exception), (AttributeError, Exception), (IndentationError, SyntaxError),
    (TabError, IndentationError), (StopAsyncIteration, Exception), (ExceptionGroup, BaseExceptionGroup),
    (ExceptionGroup, Exception), (BaseExceptionGroup, Exception), (EOFError, Exception),
    (PermissionError, OSError), (IOError, OSError), (FloatingPointError, ArithmeticError),
    (MemoryError, Exception), (TimeoutError, OSError), (BrokenPipeError, ConnectionError),
]
for sub, sup in pairs:
    print(f"{sub.__name__:20} {sup.__name__:20} {issubclass(sub, sup)}")
print(IOError is OSError, EnvironmentError is OSError)
print([c.__name__ for c in KeyError.__mro__])
