import GuardCore

/// One self-contained HTML page: scores per part and priority, then every item, each expandable to its
/// parts, the evidence of every check, the linked findings and the attestation. No external assets;
/// every string is escaped; the status filter buttons are a few lines of script that only toggle visibility.
public struct AssessmentHTMLRenderer: Sendable {
    public init() {}

    public func render(_ assessment: Assessment) -> String {
        var html = HTMLBuilder()
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>mcpguard assessment — ")
        html.text(assessment.subject)
        html.raw("</title>\n<style>\(Self.css)</style>\n</head>\n<body>\n<main>\n<header><h1>mcpguard <span class=\"muted\">assessment</span></h1><p class=\"muted\">")
        html.text("\(assessment.subject) · \(assessment.date) · \(ChecklistCatalog.source) · scan \(assessment.scanStatus)")
        html.raw("</p></header>\n<section class=\"cards\">")
        card(&html, "Overall", assessment.overall, big: true)
        for part in ChecklistItem.Part.allCases { card(&html, part.displayName, assessment.score(part: part)) }
        for priority in ChecklistItem.Priority.allCases.reversed() { card(&html, "\(priority.rawValue) priority", assessment.score(priority: priority)) }
        html.raw("</section>\n<nav class=\"filters\">")
        let counts = assessment.countsByStatus
        html.raw("<button data-filter=\"all\" class=\"on\">all \(assessment.items.count)</button>")
        for status in Assessment.Status.allCases where (counts[status] ?? 0) > 0 {
            html.raw("<button data-filter=\"\(status.rawValue)\">\(status.label) \(counts[status]!)</button>")
        }
        html.raw("</nav>\n")
        var heading: String?
        for result in assessment.items {
            let name = result.item.part.displayName + (result.item.section.map { " · \($0)" } ?? "")
            if name != heading {
                if heading != nil { html.raw("</section>\n") }
                html.raw("<section class=\"group\"><h2>")
                html.text(name)
                html.raw("</h2>\n")
                heading = name
            }
            item(&html, result)
        }
        if heading != nil { html.raw("</section>\n") }
        html.raw("</main>\n<script>\(Self.script)</script>\n</body>\n</html>\n")
        return html.output
    }

    func card(_ html: inout HTMLBuilder, _ title: String, _ score: Assessment.Score, big: Bool = false) {
        html.raw("<div class=\"card\(big ? " big" : "")\"><div class=\"muted\">")
        html.text(title)
        html.raw("</div><div class=\"score\">")
        html.text(AssessmentTextRenderer.percent(score))
        html.raw("</div><div class=\"muted small\">")
        html.text("\(score.counted) of \(score.total) counted")
        html.raw("</div></div>")
    }

    func item(_ html: inout HTMLBuilder, _ result: Assessment.ItemResult) {
        html.raw("<details class=\"item\" data-status=\"\(result.status.rawValue)\" id=\"\(result.item.id)\"><summary><code>")
        html.text(result.item.id)
        html.raw("</code> <span class=\"status s-\(result.status.rawValue)\">")
        html.text(result.status.label)
        html.raw("</span> <span class=\"prio\">")
        html.text(result.item.priority.rawValue)
        html.raw("</span> <strong>")
        html.text(result.item.title)
        html.raw("</strong><div class=\"muted small\">")
        html.text(result.reason)
        html.raw("</div></summary>\n<div class=\"body\"><p>")
        html.text(result.item.text)
        html.raw("</p>")
        if !result.parts.isEmpty {
            html.raw("<ol class=\"parts\">")
            for part in result.parts {
                html.raw("<li><span class=\"status s-\(part.outcome.rawValue)\">")
                html.text(part.outcome.rawValue)
                html.raw("</span> ")
                html.text(part.text)
                html.raw("<ul>")
                for evidence in part.evidence {
                    html.raw("<li><code>")
                    html.text(evidence.id ?? evidence.kind.rawValue)
                    html.raw("</code> ")
                    html.text("\(evidence.outcome.rawValue): \(evidence.text)")
                    html.raw("</li>")
                }
                html.raw("</ul></li>")
            }
            html.raw("</ol>")
        }
        if let uncovered = result.coverage.uncovered {
            html.raw("<p class=\"uncovered\"><strong>\(result.parts.isEmpty ? "To attest" : "Not covered by mcpguard"):</strong> ")
            html.text(uncovered)
            html.raw("</p>")
        }
        if !result.findings.isEmpty {
            html.raw("<h3>Findings</h3><ul class=\"findings\">")
            for finding in result.findings {
                html.raw("<li><span class=\"sev sev-\(finding.severity.rawValue)\">")
                html.text(finding.severity.rawValue)
                html.raw("</span> <code>")
                html.text(finding.rule)
                html.raw("</code> ")
                html.text((finding.server.map { "\($0): " } ?? "") + finding.message)
                if let evidence = finding.evidence {
                    html.raw("<pre>")
                    html.text(evidence)
                    html.raw("</pre>")
                }
                html.raw("</li>")
            }
            html.raw("</ul>")
        }
        if let attestation = result.attestation {
            html.raw("<h3>Attestation</h3><p>")
            html.text("\(attestation.status.rawValue), by \(attestation.by) on \(attestation.date)" + (attestation.expires.map { ", expires \($0)" } ?? ""))
            html.raw("</p><ul>")
            for line in attestation.evidence {
                html.raw("<li>")
                html.text(line)
                html.raw("</li>")
            }
            html.raw("</ul>")
        }
        html.raw("</div></details>\n")
    }

    static let css = """
        :root{--fg:#1d232b;--muted:#5b6573;--line:#dfe3e8;--ok:#17803d;--bad:#b3261e;--warn:#a15c00;--bg:#f6f7f9}
        body{margin:0;font:15px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;color:var(--fg);background:var(--bg)}
        main{max-width:1100px;margin:0 auto;padding:24px}h1{margin:0;font-size:26px}h2{font-size:17px;margin:28px 0 8px}
        .muted{color:var(--muted)}.small{font-size:13px}code{font:13px ui-monospace,Menlo,monospace}
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;margin:18px 0}
        .card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 12px}.card.big{border-color:#9aa5b1}
        .score{font-size:24px;font-weight:650}.filters button{margin:0 6px 6px 0;border:1px solid var(--line);background:#fff;border-radius:14px;padding:3px 10px;cursor:pointer}
        .filters button.on{background:var(--fg);color:#fff}
        .item{background:#fff;border:1px solid var(--line);border-radius:8px;margin:6px 0;padding:8px 12px}
        .item summary{cursor:pointer}.body{padding:6px 0 4px 4px}.parts li{margin:4px 0}
        .status{display:inline-block;min-width:92px;text-align:center;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;background:#e9ecef}
        .s-passed,.s-enforced,.s-attested{background:#dcf3e3;color:var(--ok)}.s-failed{background:#fbe1df;color:var(--bad)}
        .s-partial,.s-attestation-expired{background:#fdf0d9;color:var(--warn)}.s-not-applicable{color:var(--muted)}
        .prio{font-size:12px;color:var(--muted);margin-right:6px}.uncovered{color:var(--warn)}
        pre{white-space:pre-wrap;word-break:break-all;background:var(--bg);padding:6px;border-radius:4px}
        .sev{font-size:12px;font-weight:600}.sev-critical,.sev-high{color:var(--bad)}.sev-medium{color:var(--warn)}
        """

    static let script = """
        document.querySelectorAll('.filters button').forEach(function(b){b.addEventListener('click',function(){
        document.querySelectorAll('.filters button').forEach(function(o){o.classList.toggle('on',o===b)});
        var f=b.getAttribute('data-filter');document.querySelectorAll('.item').forEach(function(i){
        i.style.display=(f==='all'||i.getAttribute('data-status')===f)?'':'none'});});});
        """
}
