# Float literals with exponents, leading/trailing dots, underscores.
print(1.5, .5, 5., 1e3, 1E-3, 2.5e+2)
print(1_0.2_5, 1e1_0)
print(0.0, -0.0, 1e308, 1e-310)
print(3.14e0, 6.02e23, 1.6e-19)
print(type(1e3).__name__, type(10).__name__)
print(0e0, 00.5, 09.5)
