/* fileio.c — open() and the file objects (placeholder while being written). */
#include "vm/vm.h"
void fileio_init(VM *vm, Value m);
void fileio_init(VM *vm, Value m) { (void)vm; (void)m; }
