// Pagefind's own interface over the index built at publish time: no request leaves this site.
window.addEventListener("DOMContentLoaded", function () {
  new PagefindUI({ element: "#search", showSubResults: true, showImages: false });
});
