-- Lua twin of string.as
local function main()
  local parts = {}
  for i = 0, 300000 - 1 do
    local s = "item" .. tostring(i)
    if s:sub(-1) == "7" then s = s:upper() end
    parts[#parts + 1] = s
  end
  local text = table.concat(parts, ",")
  local fields = {}
  for f in (text .. ","):gmatch("([^,]*),") do fields[#fields + 1] = f end
  local upper = 0
  for _, f in ipairs(fields) do
    if f:sub(1, 4) == "ITEM" then upper = upper + 1 end
  end
  local replaced = text:gsub("item", "x")
  local _, nines = text:gsub("9", "")
  local where = text:find("item299999", 1, true) - 1
  local words = {}
  for i = 0, 200000 - 1 do
    words[#words + 1] = tostring(i % 97) .. ":" .. tostring(i % 13)
  end
  local joined = table.concat(words, " ")
  print(#text, #fields, upper, #replaced, nines, where, #joined)
end
main()
