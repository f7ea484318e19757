-- Lua twin of loop.as
local function main()
  local acc, odd = 0, 0
  for i = 0, 10000000 - 1 do
    acc = (acc + i * 7 - (i >> 3)) % 1000003
    if i & 1 ~= 0 then odd = odd + 1 end
  end
  print(acc, odd)
end
main()
