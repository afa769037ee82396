namespace DonationRegistry.Hosting;

/// <summary>The dashboard page: plain HTML, a little CSS and JavaScript, no external assets; labels in Chinese and English.</summary>
internal static class DashboardPage
{
    public const string Html = """
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>DonationRegistry AppHost · 资源面板</title>
<style>
  body { font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 1.5rem; color: #222; background: #fafafa; }
  h1 { font-size: 1.3rem; margin: 0 0 .2rem; }
  .sub { color: #666; margin-bottom: 1rem; font-size: .9rem; }
  table { border-collapse: collapse; width: 100%; background: #fff; }
  th, td { border: 1px solid #ddd; padding: .4rem .6rem; text-align: left; vertical-align: top; font-size: .92rem; }
  th { background: #f0f0f0; }
  th small, .state small { color: #666; font-weight: normal; display: block; }
  .state { font-weight: 600; }
  .Running { color: #17803d; } .Starting, .Waiting { color: #a06000; } .Unhealthy, .Failed, .Exited { color: #c0262d; } .Stopped { color: #666; }
  pre { margin: .3rem 0 0; max-height: 22rem; overflow: auto; background: #111; color: #ddd; padding: .5rem; font-size: .8rem; white-space: pre-wrap; }
  code { font-size: .8rem; word-break: break-all; }
  .err { color: #c0262d; }
</style>
</head>
<body>
<h1>DonationRegistry AppHost · 资源面板 Resources</h1>
<div class="sub">浙江省红十字会捐献登记系统 · 本机运行的全部资源 / everything running on this machine.
  JSON: <a href="/api/resources">/api/resources</a> · <span id="updated"></span></div>
<table>
  <thead><tr>
    <th>名称<small>Name</small></th><th>类型<small>Type</small></th><th>状态<small>State</small></th><th>健康<small>Health</small></th>
    <th>端点<small>Endpoints</small></th><th>等待<small>Waits for</small></th><th>进程<small>PIDs</small></th><th>最近日志<small>Recent logs</small></th>
  </tr></thead>
  <tbody id="rows"><tr><td colspan="8">加载中 Loading…</td></tr></tbody>
</table>
<script>
const zh = { Waiting: "等待中", Starting: "启动中", Running: "运行中", Unhealthy: "不健康", Exited: "已退出", Failed: "失败", Stopped: "已停止" };
const open = new Set();
function el(tag, text, cls) { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; }
function row(r) {
  const tr = el("tr");
  tr.appendChild(el("td", r.name));
  tr.appendChild(el("td", r.type));
  const st = el("td", "", "state " + r.state);
  st.appendChild(document.createTextNode(zh[r.state] || r.state));
  st.appendChild(el("small", r.state + (r.exitCode !== null && r.exitCode !== undefined ? " (" + r.exitCode + ")" : "")));
  if (r.reason) st.appendChild(el("small", r.reason, "err"));
  tr.appendChild(st);
  tr.appendChild(el("td", r.healthy ? "✔ 健康 healthy" : "✘ 否 no", r.healthy ? "Running" : "Unhealthy"));
  const ep = el("td");
  for (const e of r.endpoints) {
    const line = el("div");
    if (e.url.startsWith("http")) { const a = el("a", e.name + ": " + e.url); a.href = e.url; line.appendChild(a); }
    else line.textContent = e.name + ": " + e.url;
    ep.appendChild(line);
  }
  if (r.connectionString) ep.appendChild(el("code", r.connectionString));
  tr.appendChild(ep);
  tr.appendChild(el("td", r.waitsFor.join(", ")));
  tr.appendChild(el("td", r.processIds.join(" ")));
  const logs = el("td");
  const d = el("details");
  d.open = open.has(r.name);
  d.addEventListener("toggle", () => d.open ? open.add(r.name) : open.delete(r.name));
  d.appendChild(el("summary", r.logs.length ? (r.logs[r.logs.length - 1].slice(0, 100)) : "（无 none）"));
  const pre = el("pre", r.logs.join("\n"));
  d.appendChild(pre);
  logs.appendChild(d);
  tr.appendChild(logs);
  return [tr, pre];
}
async function refresh() {
  try {
    const res = await fetch("/api/resources", { cache: "no-store" });
    const data = await res.json();
    const body = document.getElementById("rows");
    body.replaceChildren();
    for (const r of data) { const [tr, pre] = row(r); body.appendChild(tr); pre.scrollTop = pre.scrollHeight; }
    document.getElementById("updated").textContent = "更新于 updated " + new Date().toLocaleTimeString("zh-CN");
  } catch (e) {
    document.getElementById("updated").textContent = "AppHost 无响应 not answering: " + e;
  }
}
refresh();
setInterval(refresh, 2000);
</script>
</body>
</html>
""";
}
