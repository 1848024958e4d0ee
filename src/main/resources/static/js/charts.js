// Draws each dashboard chart from the table under it (the table is the data; without script it is what is shown).
// Colours are the theme of UI.md; a bar of a region drills down like the link in its row.
(function () {
  'use strict';
  const colours = ['#B85A1C', '#1E7B46', '#2B6CB0', '#C53030', '#5A6578', '#E8772E', '#2E8B57', '#7A4E9C'];

  function rows(table) {
    return [...table.tBodies[0].rows].map(tr => ({
      label: tr.cells[0].innerText.trim(),
      value: Number(tr.cells[1].dataset.value),
      link: tr.dataset.link || null
    }));
  }

  function option(type, data) {
    if (type === 'pie') {
      return {
        color: colours, tooltip: {trigger: 'item'}, legend: {bottom: 0, type: 'scroll'},
        series: [{type: 'pie', radius: ['35%', '65%'], data: data.map(d => ({name: d.label, value: d.value}))}]
      };
    }
    return {
      color: colours, tooltip: {trigger: 'axis'}, grid: {left: 8, right: 16, top: 16, bottom: 8, containLabel: true},
      xAxis: {type: 'category', data: data.map(d => d.label), axisLabel: {interval: 0, hideOverlap: true}},
      yAxis: {type: 'value', minInterval: 1},
      series: [{type: type === 'line' ? 'line' : 'bar', data: data.map(d => d.value), smooth: type === 'line'}]
    };
  }

  function draw() {
    if (!window.echarts) return;
    for (const holder of document.querySelectorAll('.wushe-chart')) {
      const card = holder.closest('.card-body');
      const table = card.querySelector('[data-chart-table]');
      const data = rows(table);
      holder.style.height = '280px';
      const chart = window.echarts.init(holder, null, {renderer: 'svg'});
      chart.setOption(option(holder.dataset.chartType, data));
      chart.on('click', params => {
        const link = data[params.dataIndex] && data[params.dataIndex].link;
        if (link) window.location.assign(link);
      });
      window.addEventListener('resize', () => chart.resize());
      card.querySelector('[data-chart-details]').open = false;
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw);
  else draw();
})();
