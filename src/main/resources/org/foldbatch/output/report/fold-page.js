// The sample selector and the 3Dmol.js viewer of the fold report page. MODELS (sample key -> mmCIF text) is
// defined just before this script; the pLDDT is each atom's B-factor in AlphaFold 3's mmCIF.
(function () {
  const select = document.getElementById('sample-select');
  const viewer = $3Dmol.createViewer(document.getElementById('viewer'), {backgroundColor: 'white'});
  function colour(atom) {
    const b = atom.b;
    return b > 90 ? '#0053d6' : b > 70 ? '#65cbf3' : b > 50 ? '#ffdb13' : '#ff7d45';
  }
  function show(key) {
    select.value = key;
    document.querySelectorAll('[data-sample]').forEach(function (el) {
      const on = el.getAttribute('data-sample') === key;
      el.classList.toggle(el.tagName === 'TR' ? 'selected' : 'shown', on);
    });
    viewer.clear();
    viewer.addModel(MODELS[key], 'cif');
    viewer.setStyle({}, {cartoon: {colorfunc: colour}});
    viewer.setStyle({hetflag: true}, {stick: {colorfunc: colour}});
    viewer.zoomTo();
    viewer.render();
  }
  select.addEventListener('change', function () { show(select.value); });
  document.querySelectorAll('tr[data-sample]').forEach(function (row) {
    row.addEventListener('click', function () { show(row.getAttribute('data-sample')); });
  });
  show(select.value);
})();
