# aspen: no-cpython
import mod_chain
print(mod_chain.twice_bump())
import mod_counter
print(mod_counter.count, mod_chain.mod_counter is mod_counter)
print(mod_chain.shout("z"))
