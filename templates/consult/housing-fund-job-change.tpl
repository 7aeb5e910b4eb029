id: consult-housing-fund-job-change
kind: consult
title: 换工作后公积金转移
domain: housing
subject: 从随州辞职去武汉工作，公积金怎么办
keypoint: 封存
keypoint: 转移接续 | 转移 | 转入
reference: 离职后原单位应当为您办理住房公积金账户封存，封存期间账户余额和缴存时间都保留。在武汉新单位开始缴存后，可以通过全国住房公积金小程序或向武汉的住房公积金中心申请办理异地转移接续，把随州账户的余额转入武汉账户，缴存时间合并计算。
valid_from: 2023-01-01
valid_until: 2026-12-31

我从随州一家公司辞职，准备去武汉工作。原来交的住房公积金怎么办，可以带到武汉去吗？
