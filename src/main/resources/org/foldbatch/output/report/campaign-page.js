// Sorting of the campaign page's ranking table: a click on a header sorts by that column, a second click reverses.
// Numbers sort as numbers, empty cells last.
(function () {
  document.querySelectorAll('table.sortable').forEach(function (table) {
    table.querySelectorAll('th').forEach(function (th, column) {
      th.addEventListener('click', function () {
        const ascending = th.getAttribute('data-order') !== 'ascending';
        table.querySelectorAll('th').forEach(function (other) { other.removeAttribute('data-order'); });
        th.setAttribute('data-order', ascending ? 'ascending' : 'descending');
        const body = table.tBodies[0];
        const rows = Array.from(body.rows);
        rows.sort(function (a, b) {
          const x = a.cells[column].textContent.trim();
          const y = b.cells[column].textContent.trim();
          if (x === '' || y === '') { return (x === '') - (y === ''); }
          const nx = Number(x), ny = Number(y);
          const order = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
