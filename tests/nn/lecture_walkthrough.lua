-- The lecture's sigmoid-unit walkthrough (/work/shared/lecture/walkthrough.md), typed as
-- the students type it (typos fixed), with the reconstructed weights and data.
require 'nn'
n = 5
k = 3
lin = nn.Linear(n, k)
lin.weight:copy(torch.Tensor{{-0.260708, -0.446705, -0.015019, -0.282263, -0.385888},
                             {-0.391835,  0.329740,  0.248082, -0.263109,  0.347705},
                             { 0.438637, -0.351385, -0.306181, -0.170593, -0.123109}})
lin.bias:copy(torch.Tensor{0.437019, -0.215919, -0.280085})
x = torch.Tensor{0.714673, 0.820835, 1.442550, 0.612859, 0.671117}
y = torch.Tensor{0.547680, 0.457901, 0.844364}
print({lin})
sig = nn.Sigmoid()
print({sig})
h_Theta = sig:forward(lin:forward(x))
print(h_Theta)
Theta_1 = torch.cat(lin.bias, lin.weight, 2)
print(Theta_1)
a1 = x
z2 = Theta_1 * torch.cat(torch.ones(1), a1, 1)
a2 = z2:clone():apply(function(z) return 1/(1+math.exp(-z)) end)
print(a2)
loss = nn.MSECriterion()
print({loss})
loss.sizeAverage = false
E = loss:forward(h_Theta, y)
print(E)
print((h_Theta - y):pow(2):sum())
dE_dh = loss:updateGradInput(h_Theta, y)
print(dE_dh)
print(2 * (h_Theta - y))
delta_2 = sig:updateGradInput(z2, dE_dh)
print(delta_2)
lin:zeroGradParameters()
lin:accGradParameters(x, delta_2)
gradTheta_1 = torch.cat(lin.gradBias, lin.gradWeight, 2)
print(gradTheta_1)
print(delta_2:view(-1, 1) * torch.cat(torch.ones(1), x, 1):view(1, -1))
lin_gradInput = lin:updateGradInput(x, delta_2)
print(lin_gradInput)
net = nn.Sequential()
net:add(lin)
net:add(sig)
print(net)
pred = net:forward(x)
print(pred)
err = loss:forward(pred, y)
print(err)
gradCriterion = loss:backward(pred, y)
print(gradCriterion)
print(net:get(1))
net:zeroGradParameters()
print(net:backward(x, gradCriterion))
print(torch.cat(net:get(1).gradBias, net:get(1).gradWeight, 2))
etha = 0.01
dE_dTheta_1 = torch.cat(net:get(1).gradBias, net:get(1).gradWeight, 2)
print(Theta_1 - etha * dE_dTheta_1)
net:updateParameters(etha)
print(torch.cat(lin.bias, lin.weight, 2))
