package dev.gatehouse.bench;

import java.util.List;

/**
 * A wrk script that polls unapproved device codes in turn, one request body per code, and counts how the
 * server answered (slow_down, authorization_pending, anything else). Used for Gatehouse and Keycloak alike.
 */
final class PollingScript {

    private PollingScript() {
    }

    static String rotating(String path, String contentType, List<String> bodies) {
        StringBuilder lua = new StringBuilder("local bodies = {\n");
        for (String body : bodies) {
            lua.append("  ").append(Wrk.lua(body)).append(",\n");
        }
        lua.append("}\nwrk.method = \"POST\"\n")
                .append("wrk.headers[\"Content-Type\"] = ").append(Wrk.lua(contentType)).append('\n')
                .append("local path = ").append(Wrk.lua(path)).append('\n')
                .append("""
                local threads = {}
                function setup(thread) table.insert(threads, thread) end
                local turn = 0
                pending, slow, other = 0, 0, 0
                function request()
                  turn = turn % #bodies + 1
                  return wrk.format(nil, path, nil, bodies[turn])
                end
                function response(status, headers, body)
                  if string.find(body, "slow_down", 1, true) then slow = slow + 1
                  elseif string.find(body, "authorization_pending", 1, true) then pending = pending + 1
                  else other = other + 1 end
                end
                function report()
                  local p, s, o = 0, 0, 0
                  for _, t in ipairs(threads) do
                    p = p + t:get("pending"); s = s + t:get("slow"); o = o + t:get("other")
                  end
                  io.write(string.format("COUNT authorization_pending=%d slow_down=%d other=%d\\n", p, s, o))
                end
                """);
        return lua.toString();
    }
}
