-- Lua twin of method.as (metatable classes, the idiomatic Lua equivalent)
local Vec = {}
Vec.__index = Vec
function Vec.new(x, y) return setmetatable({x = x, y = y}, Vec) end
function Vec:dot(o) return self.x * o.x + self.y * o.y end
function Vec:shift(dx, dy) self.x = self.x + dx; self.y = self.y + dy end

local Counter = {}
Counter.__index = Counter
function Counter.new() return setmetatable({count = 0, total = 0}, Counter) end
function Counter:add(v)
  self.count = self.count + 1
  self.total = (self.total + v) % 1000003
end

local function main()
  local a, b, c = Vec.new(1, 2), Vec.new(3, 4), Counter.new()
  for i = 0, 1000000 - 1 do
    c:add(a:dot(b))
    a:shift(1, -1)
    if a.x > 1000 then a = Vec.new(i % 7, i % 11) end
  end
  print(c.count, c.total, a.x, a.y)
end
main()
