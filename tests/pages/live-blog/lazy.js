// The site's lazy loader: an image keeps its placeholder until it scrolls into view, then takes
// its data-src (and drops the attribute, as several loaders do).
(() => {
  const load = (img) => {
    img.src = img.dataset.src;
    img.removeAttribute('data-src');
    img.classList.replace('lazy', 'lazy-loaded');
  };
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        observer.unobserve(entry.target);
        load(entry.target);
      }
    }
  });
  document.querySelectorAll('img.lazy[data-src]').forEach((img) => observer.observe(img));
})();
