id: consult-marriage-registration
kind: consult
title: 结婚登记材料
domain: civil-affairs
subject: 领结婚证要带什么，去哪里办
keypoint: 身份证
keypoint: 户口簿 | 户口本
keypoint: 婚姻登记
keypoint: 合影 | 照片
reference: 办理结婚登记，男女双方须本人共同到场，携带各自的居民身份证和户口簿，以及3张2寸近期半身免冠双人合影照片，到一方户籍所在地的婚姻登记机关（民政部门婚姻登记处）办理。您的户口在随州，可以到您户籍所在地的婚姻登记处办理。可以通过网上或电话预约。
valid_from: 2023-01-01
valid_until: 2026-12-31
note: 依据：《婚姻登记条例》第五条；民政部关于婚姻登记“跨省通办”的有关规定（湖北省在试点范围内）。

我和未婚妻准备国庆后去领结婚证，我户口在随州，她户口在湖南。请问要带哪些证件？去哪里办？需要预约吗？
