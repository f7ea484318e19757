-- Lua twin of dict.as
local function main()
  local d = {}
  for i = 0, 500000 - 1 do d[i * 7] = i end
  local total = 0
  for i = 0, 500000 - 1 do total = total + d[i * 7] end
  local hits = 0
  for i = 0, 500000 - 1 do
    if d[i] ~= nil then hits = hits + 1 end
  end
  local names, n = {}, 0
  for i = 0, 200000 - 1 do names["k" .. tostring(i)] = i; n = n + 1 end
  for i = 0, 200000 - 1, 2 do local k = "k" .. tostring(i); names[k] = names[k] + 1 end
  for i = 0, 200000 - 1, 3 do names["k" .. tostring(i)] = nil; n = n - 1 end
  local s = 0
  for _, v in pairs(names) do s = s + v end
  print(500000, total, hits, n, s)
end
main()
