/* Evidence links: open the report holding the target span, light up its marked words and scroll to them. */
(function () {
  function show(id) {
    var target = document.getElementById(id);
    if (!target) return false;
    for (var el = target; el; el = el.parentElement) if (el.tagName === "DETAILS") el.open = true;
    var lit = document.querySelectorAll("mark.on");
    for (var i = 0; i < lit.length; i++) lit[i].classList.remove("on");
    var marks = document.querySelectorAll('mark[data-refs~="' + id + '"]');
    for (var j = 0; j < marks.length; j++) marks[j].classList.add("on");
    target.scrollIntoView({block: "center"});
    return true;
  }
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest('a[href^="#"]');
    if (a && show(a.getAttribute("href").slice(1))) {
      e.preventDefault();
      history.pushState(null, "", a.getAttribute("href"));
    }
  });
  window.addEventListener("popstate", function () { if (location.hash) show(location.hash.slice(1)); });
  if (location.hash) show(location.hash.slice(1));
})();
