# Helper module for the import_* tests (no .out: not a test itself).
print("mod_greet: executing module body")
VERSION = "1.2"
greeting = "Hello"
def hello(name):
    return f"{greeting}, {name}!"
class Greeter:
    def __init__(self, punct="."):
        self.punct = punct
    def greet(self, name):
        return greeting + " " + name + self.punct
_private = "hidden"
print("mod_greet: __name__ is", __name__)
if __name__ == "__main__":
    print("mod_greet: run as a script")
