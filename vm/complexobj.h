/* complexobj.h — Python's complex type (vm/complex.c): the object layout and the entry
 * points other number code needs (float ** with a negative base, imaginary literals). */
#ifndef ASPEN_COMPLEXOBJ_H
#define ASPEN_COMPLEXOBJ_H

#include "vm/vm.h"

typedef struct Complex {
    Obj head;
    double re, im;
} Complex;

/* Creates the complex type and registers it (VM-private registry + builtins table). */
void complex_init(VM *vm);
/* The complex type of this VM. */
Type *complex_type(VM *vm);
/* A new exact complex. */
Value complex_new(VM *vm, double re, double im);
/* complex or a subclass instance? */
bool complex_is(VM *vm, Value v);
/* CPython's complex_pow on two complex numbers (a ** b): ZeroDivisionError "0.0 to a
 * negative or complex power", OverflowError "complex exponentiation". */
Value complex_pow_parts(VM *vm, double ar, double ai, double br, double bi);

#endif
