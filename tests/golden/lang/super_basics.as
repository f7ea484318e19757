class Base:
    def __init__(self, name):
        self.name = name
        print("Base init", name)
    def greet(self):
        return "hello " + self.name
class Child(Base):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
        print("Child init", age)
    def greet(self):
        return super().greet() + f" ({self.age})"
c = Child("kid", 5)
print(c.greet())
print(super(Child, c).greet())
class GrandChild(Child):
    def greet(self):
        return "gc: " + super(Child, self).greet()
print(GrandChild("g", 1).greet())
