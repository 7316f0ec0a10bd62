/// The stylesheet and script inlined into every HTML report.
enum HTMLReportAssets {
    static let css = """
    :root{--bg:#f6f7f9;--fg:#1b1f24;--muted:#5b6470;--card:#fff;--line:#dde1e6;
    --critical:#7b2cbf;--high:#d1242f;--medium:#d4760b;--low:#b59b00;--info:#6e7781;--ok:#1a7f37;--warn:#9a6700}
    @media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#8d96a0;--card:#161b22;--line:#30363d}}
    *{box-sizing:border-box}
    body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
    main{max-width:1100px;margin:0 auto;padding:24px}
    h1{margin:0;font-size:26px}h2{font-size:18px;margin:24px 0 10px}h3{font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin:14px 0 4px}
    .muted{color:var(--muted)}.small{font-size:12px}
    code,pre{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:13px}
    header.top{display:flex;justify-content:space-between;align-items:center;border-bottom:1px solid var(--line);padding-bottom:12px}
    header.top p{margin:4px 0 0}
    .pill{padding:4px 12px;border-radius:999px;font-weight:600;text-transform:uppercase;font-size:12px;letter-spacing:.05em}
    .pill.ok{background:#dafbe1;color:var(--ok)}.pill.warn{background:#fff8c5;color:var(--warn);border:1px solid #d4a72c}
    .banner{margin:16px 0;padding:12px 16px;border-left:4px solid #d4a72c;background:#fff8c5;color:#3b2e00;border-radius:6px}
    .banner ul{margin:6px 0 0 18px;padding:0}
    .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(110px,1fr));gap:10px;margin:18px 0}
    .card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px;text-align:left;color:inherit;font:inherit}
    button.card{cursor:pointer}button.card:hover{border-color:var(--fg)}
    .card .num{font-size:28px;font-weight:700;line-height:1.1}.card .label{color:var(--muted);font-size:13px;text-transform:capitalize}
    .card.sev{border-top:4px solid var(--c)}.card.sev .num{color:var(--c)}
    .sev-critical{--c:var(--critical)}.sev-high{--c:var(--high)}.sev-medium{--c:var(--medium)}.sev-low{--c:var(--low)}.sev-info{--c:var(--info)}
    .filters{display:flex;flex-wrap:wrap;gap:8px;align-items:center;background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px;position:sticky;top:0;z-index:2}
    .chip{border:1px solid var(--c);color:var(--c);border-radius:999px;padding:2px 10px;font-size:13px;cursor:pointer;user-select:none}
    .filters select,.filters input[type=search],.filters button{font:inherit;padding:4px 8px;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
    .filters input[type=search]{flex:1;min-width:200px}
    .badge{display:inline-block;min-width:64px;text-align:center;background:var(--c);color:#fff;border-radius:4px;padding:1px 6px;font-size:12px;font-weight:600;text-transform:uppercase}
    .group h2 .count{color:var(--muted);font-weight:400}
    details.finding{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--c);border-radius:8px;margin:8px 0}
    details.finding summary{display:flex;gap:10px;align-items:baseline;padding:10px 12px;cursor:pointer;list-style:none}
    details.finding summary::-webkit-details-marker{display:none}
    details.finding summary::before{content:"▸";color:var(--muted)}details.finding[open] summary::before{content:"▾"}
    summary .msg{flex:1;font-weight:500}summary .where{color:var(--muted);font-size:13px;white-space:nowrap}
    summary .rule{color:var(--muted);font-size:12px}
    .finding .body{padding:0 16px 12px 36px;border-top:1px solid var(--line)}
    pre.evidence{white-space:pre-wrap;word-break:break-word;background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:8px 10px;margin:0}
    ul.checklist{margin:0;padding-left:18px}ul.checklist li{margin:4px 0}
    .prio{font-size:11px;text-transform:uppercase;border:1px solid var(--line);border-radius:4px;padding:0 4px;color:var(--muted)}
    .prio.high{color:var(--high);border-color:var(--high)}
    table.servers{width:100%;border-collapse:collapse;background:var(--card);border:1px solid var(--line);border-radius:8px;overflow:hidden}
    table.servers th,table.servers td{text-align:left;padding:8px 10px;border-bottom:1px solid var(--line);vertical-align:top}
    table.servers th{font-size:12px;text-transform:uppercase;color:var(--muted)}
    table.servers td:first-child{white-space:nowrap}
    .status.ok{color:var(--ok);font-weight:600}.status.failed{color:var(--high);font-weight:600}.status.skipped{color:var(--muted)}
    .empty{padding:18px;text-align:center;color:var(--muted);background:var(--card);border:1px dashed var(--line);border-radius:8px}
    footer{margin-top:28px;padding-top:12px;border-top:1px solid var(--line)}
    """

    static let script = """
    (function(){
      var boxes=[].slice.call(document.querySelectorAll('input[name=sev]'));
      var server=document.getElementById('server-filter');
      var search=document.getElementById('search');
      var findings=[].slice.call(document.querySelectorAll('details.finding'));
      var groups=[].slice.call(document.querySelectorAll('.group'));
      function apply(){
        var sev={};boxes.forEach(function(b){sev[b.value]=b.checked;});
        var s=server.value,q=search.value.trim().toLowerCase(),shown=0;
        findings.forEach(function(f){
          var ok=sev[f.dataset.severity]&&(!s||f.dataset.server===s)&&(!q||f.dataset.search.indexOf(q)>=0);
          f.hidden=!ok;if(ok)shown++;
        });
        groups.forEach(function(g){
          var n=g.querySelectorAll('details.finding:not([hidden])').length;
          g.hidden=n===0;g.querySelector('.count').textContent=n;
        });
        document.getElementById('no-match').hidden=shown>0||findings.length===0;
      }
      boxes.forEach(function(b){b.addEventListener('change',apply);});
      server.addEventListener('change',apply);search.addEventListener('input',apply);
      [].slice.call(document.querySelectorAll('[data-card]')).forEach(function(c){
        c.addEventListener('click',function(){
          var only=c.dataset.card,all=boxes.every(function(b){return b.checked===(b.value===only);});
          boxes.forEach(function(b){b.checked=all?true:b.value===only;});apply();
        });
      });
      var toggle=document.getElementById('toggle-all');
      toggle.addEventListener('click',function(){
        var open=toggle.textContent==='Expand all';
        findings.forEach(function(f){if(!f.hidden)f.open=open;});
        toggle.textContent=open?'Collapse all':'Expand all';
      });
    })();
    """
}
