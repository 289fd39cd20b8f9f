// The EHR demo page (/demo/ehr): each problem's "i" button sends an HL7
// Infobutton request to this service, as an EHR would, and lists the answer.
// Text from the answer is only ever set with textContent (the page's CSP
// allows no inline script and Trusted Types allow no HTML sink).
(function () {
  "use strict";
  var table = document.querySelector(".ehr-problems");
  var language = document.getElementById("ehr-language");
  var panel = document.getElementById("ehr-answer");
  if (!table || !language || !panel) {
    return;
  }
  var requestLine = panel.querySelector(".ehr-request");
  var list = panel.querySelector(".ehr-entries");
  var current = null;

  function requestUrl(button) {
    var params = new URLSearchParams();
    if (button.dataset.code) {
      params.set("mainSearchCriteria.v.c", button.dataset.code);
      params.set("mainSearchCriteria.v.cs", "2.16.840.1.113883.6.90");
      params.set("mainSearchCriteria.v.dn", button.dataset.name);
    } else {
      // Free text a clinician typed: no code, the words are matched.
      params.set("mainSearchCriteria.v.ot", button.dataset.name);
    }
    params.set("informationRecipient", "PAT");
    params.set("informationRecipient.languageCode.c", language.value);
    params.set("knowledgeResponseType", "application/json");
    return table.dataset.infobutton + "?" + params.toString();
  }

  function show(feed) {
    list.textContent = "";
    var entries = feed.entry || [];
    if (!entries.length) {
      var none = document.createElement("li");
      none.textContent = "No glossary entry for this problem.";
      list.appendChild(none);
    }
    entries.forEach(function (entry) {
      var item = document.createElement("li");
      item.lang = entry.lang;
      var link = document.createElement("a");
      link.href = entry.link[0].href;
      link.textContent = entry.title._value;
      var heading = document.createElement("h3");
      heading.appendChild(link);
      var summary = document.createElement("p");
      summary.textContent = entry.summary._value;
      if (entry.summary.lang) {
        summary.lang = entry.summary.lang;
      }
      item.appendChild(heading);
      item.appendChild(summary);
      list.appendChild(item);
    });
  }

  function ask(button) {
    current = button;
    var url = requestUrl(button);
    requestLine.textContent = "GET " + url;
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.json();
      })
      .then(function (body) {
        if (current === button) {
          show(body.feed || {});
        }
      })
      .catch(function () {
        list.textContent = "";
        requestLine.textContent = "The glossary service did not answer.";
      });
  }

  table.addEventListener("click", function (event) {
    var button = event.target.closest(".ehr-info");
    if (button) {
      ask(button);
    }
  });
  language.addEventListener("change", function () {
    if (current) {
      ask(current);
    }
  });
})();
